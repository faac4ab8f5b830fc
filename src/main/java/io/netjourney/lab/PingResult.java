package io.netjourney.lab;

/** The outcome of a lab ping: success when at least one reply came back. */
public record PingResult(boolean success, String output) {
}
