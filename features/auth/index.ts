export { DemoAgentList } from "./components/demo-agent-list";
export { SignInForm } from "./components/sign-in-form";
export { demoSignInAction, signInAction, signOutAction } from "./server/actions";
