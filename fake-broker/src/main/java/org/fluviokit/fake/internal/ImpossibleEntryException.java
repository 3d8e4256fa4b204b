package org.fluviokit.fake.internal;

/**
 * A journal entry that is intact but could not have been written by a broker in the state the
 * entries before it built (a batch at the wrong offset, for a topic that does not exist): the
 * journal is damaged there, and nothing of the entry was applied.
 */
final class ImpossibleEntryException extends RuntimeException {

    ImpossibleEntryException(String why) {
        super(why);
    }
}
