/**
 * The session a new user opens: the groups tutorial network (Jaxley's "Defining
 * groups", ../shared/seed/groups-tutorial.txt) with a current clamp and a recording.
 * The apical group is left for the user to make in the tree. The script is the text of
 * examples/tutorial-network.ts, which the examples and the core's tests import too.
 */
import tutorialSource from "../../../../examples/tutorial-network.ts?raw";

export const TUTORIAL_SCRIPT: string = tutorialSource;
