package dev.replyclock.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SLA processor's in-memory deadline index: time order, exact removal, bounded takes. */
class DeadlineIndexTest {

    @Test
    void dueEntriesComeOutEarliestFirstAndLaterOnesStay() {
        DeadlineIndex index = new DeadlineIndex();
        index.add(3_000, "c-3");
        index.add(1_000, "c-1");
        index.add(2_000, "c-2");

        assertEquals(List.of(new DeadlineIndex.Entry(1_000, "c-1"), new DeadlineIndex.Entry(2_000, "c-2")),
                index.pollDue(2_000, 100));
        assertEquals(1, index.size());
        assertEquals(3_000, index.next());
    }

    @Test
    void conversationsDueAtTheSameMillisecondAreAllKeptInTheOrderTheyCame() {
        DeadlineIndex index = new DeadlineIndex();
        index.add(1_000, "c-b");
        index.add(1_000, "c-a");
        index.add(1_000, "c-b"); // already there: still one entry

        assertEquals(2, index.size());
        assertEquals(List.of(new DeadlineIndex.Entry(1_000, "c-b"), new DeadlineIndex.Entry(1_000, "c-a")),
                index.pollDue(1_000, 100));
        assertEquals(0, index.size());
    }

    @Test
    void aBoundedTakeCanStopInsideOneMillisecondAndTheRestComesNextTime() {
        DeadlineIndex index = new DeadlineIndex();
        for (int i = 0; i < 5; i++) {
            index.add(1_000, "c-" + i);
        }
        index.add(2_000, "c-later");

        assertEquals(3, index.pollDue(5_000, 3).size());
        assertEquals(List.of(new DeadlineIndex.Entry(1_000, "c-3"), new DeadlineIndex.Entry(1_000, "c-4"),
                new DeadlineIndex.Entry(2_000, "c-later")), index.pollDue(5_000, 3));
        assertEquals(StoredClock.NONE, index.next(), "empty");
    }

    @Test
    void aMovedWakeUpIsRemovedExactlyAndTheOthersOfThatInstantStay() {
        DeadlineIndex index = new DeadlineIndex();
        index.add(1_000, "c-1");
        index.add(1_000, "c-2");

        assertTrue(index.remove(1_000, "c-1"));
        assertFalse(index.remove(1_000, "c-1"), "gone already");
        assertFalse(index.remove(2_000, "c-2"), "not at that time");
        assertEquals(1, index.size());
        index.add(5_000, "c-1");

        assertEquals(List.of(new DeadlineIndex.Entry(1_000, "c-2")), index.pollDue(4_999, 100));
        assertEquals(List.of(new DeadlineIndex.Entry(5_000, "c-1")), index.pollDue(5_000, 100));
        assertEquals(StoredClock.NONE, index.next(), "empty");
    }

    @Test
    void oneTakeIsBoundedAndTheRestComesNextTime() {
        DeadlineIndex index = new DeadlineIndex();
        for (int i = 0; i < 5; i++) {
            index.add(i, "c-" + i);
        }

        assertEquals(3, index.pollDue(10, 3).size());
        assertEquals(List.of(new DeadlineIndex.Entry(3, "c-3"), new DeadlineIndex.Entry(4, "c-4")), index.pollDue(10, 3));
    }
}
