import { pgliteTarget } from "./harness";
import { storeSuite } from "./store-suite";

storeSuite("pglite", pgliteTarget);
