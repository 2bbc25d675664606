package dev.replyclock.classify;

/** STUB until the real classifier lands. */
public class RulesException extends Exception {
    public RulesException(String message) {
        super(message);
    }
}
