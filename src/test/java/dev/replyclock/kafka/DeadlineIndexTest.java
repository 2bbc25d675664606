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

    @Test
    void aConversationHasOneWakeUpSoAddingAnotherMovesIt() {
        DeadlineIndex index = new DeadlineIndex();
        index.add(1_000, "c-1");
        index.add(3_000, "c-1");

        assertEquals(1, index.size());
        assertEquals(3_000, index.next(), "the earlier one is gone");
        assertFalse(index.remove(1_000, "c-1"));
        assertEquals(List.of(new DeadlineIndex.Entry(3_000, "c-1")), index.pollDue(10_000, 100));
    }

    @Test
    void aWakeUpMovedManyTimesFiresOnceAtItsLastTime() {
        DeadlineIndex index = new DeadlineIndex();
        index.add(500, "c-other");
        for (int i = 0; i < 100_000; i++) {
            index.add(1_000 + i, "c-1"); // many moves: the stale entries are dropped and the heap rebuilt
        }

        assertEquals(2, index.size());
        assertEquals(List.of(new DeadlineIndex.Entry(500, "c-other")), index.pollDue(100_998, 100));
        assertEquals(100_999, index.next());
        assertEquals(List.of(new DeadlineIndex.Entry(100_999, "c-1")), index.pollDue(Long.MAX_VALUE, 100));
        assertEquals(StoredClock.NONE, index.next());
    }

    @Test
    void dueEntriesComeOutInTimeOrderWhateverOrderTheyCameIn() {
        DeadlineIndex index = new DeadlineIndex();
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        List<Long> times = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long t = random.nextLong(10_000);
            times.add(t);
            index.add(t, "c-" + i);
        }
        for (int i = 0; i < 5_000; i += 3) {
            assertTrue(index.remove(times.get(i), "c-" + i));
        }

        List<DeadlineIndex.Entry> due = index.pollDue(Long.MAX_VALUE, Integer.MAX_VALUE);
        assertEquals(5_000 - 1_667, due.size());
        for (int k = 1; k < due.size(); k++) {
            assertTrue(due.get(k - 1).wakeUpMillis() <= due.get(k).wakeUpMillis(), "in time order at " + k);
        }
    }
}
