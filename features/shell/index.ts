// The shell feature's browser-safe entry.
export { AppErrorNotice, SignInLink } from "./components/app-error-notice";
