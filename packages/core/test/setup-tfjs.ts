/**
 * The core's tests compute on tfjs's cpu backend, as a user would install it next to the
 * core's peer dependency @tensorflow/tfjs-core.
 */
import "@tensorflow/tfjs-backend-cpu";
