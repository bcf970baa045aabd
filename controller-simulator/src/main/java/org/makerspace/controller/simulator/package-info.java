/**
 * The reference controller box: what a machine's controller does with the protocol of {@code machine-protocol}, as a
 * library ({@link org.makerspace.controller.simulator.Controller}) and a command line
 * ({@link org.makerspace.controller.simulator.ControllerSimulator}). It asks the server first, decides from its signed
 * allowlist when the server cannot be reached, and keeps everything it must report in a state directory until the
 * server has acknowledged it, so that neither a network outage nor its own restart loses a session.
 */
package org.makerspace.controller.simulator;
