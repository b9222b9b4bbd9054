export { AssistantsPanel } from "./components/assistants-panel";
