package dev.replyclock.alert;

import dev.replyclock.model.Alert;
import dev.replyclock.model.ConversationAlert;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * How a route node groups the alerts it sends, as Alertmanager's {@code group_by}, {@code group_wait} and
 * {@code repeat_interval}. A component left null is inherited from the parent node ({@link #over}); the root
 * inherits from {@link #DEFAULT}.
 *
 * @param groupBy        labels among {@link #LABELS} whose values make a group (empty = one group for the
 *                       whole route), or {@code ["..."]}: every alert on its own
 * @param groupWait      how long the first alert of a new group waits for others (0s = send at once)
 * @param repeatInterval how this project reads the key: the minimum time between two notifications of the same
 *                       group; alerts that arrive meanwhile wait and go out together when it ends (0s = no minimum)
 */
public record GroupSettings(List<String> groupBy, Duration groupWait, Duration repeatInterval) {

    public static final Set<String> LABELS = Set.of("tier", "kind", "channel", "team", "conversationId");
    /** {@code group_by: ['...']}: every alert is its own group. */
    public static final String EVERY_ALERT = "...";
    /** Nothing waits: every alert goes out at once, alone, as before grouping existed. */
    public static final GroupSettings DEFAULT = new GroupSettings(List.of(), Duration.ZERO, Duration.ZERO);
    /** A node that sets nothing and takes all from its parent. */
    public static final GroupSettings INHERIT = new GroupSettings(null, null, null);

    public GroupSettings {
        groupBy = groupBy == null ? null : List.copyOf(groupBy);
    }

    /** These settings with what they leave out taken from {@code parent}. */
    public GroupSettings over(GroupSettings parent) {
        return new GroupSettings(groupBy != null ? groupBy : parent.groupBy(),
                groupWait != null ? groupWait : parent.groupWait(),
                repeatInterval != null ? repeatInterval : parent.repeatInterval());
    }

    public boolean byEveryAlert() {
        return groupBy != null && groupBy.contains(EVERY_ALERT);
    }

    /** The value of a {@code group_by} label for an alert ("" when the alert has none). */
    public static String label(Alert alert, String label) {
        String v = switch (label) {
            case "tier" -> alert.tier().wireName();
            case "kind" -> alert.kind().wireName();
            case "channel" -> alert instanceof ConversationAlert c ? c.channel() : null;
            case "team" -> alert.team();
            case "conversationId" -> alert instanceof ConversationAlert c ? c.conversationId() : null;
            default -> throw new IllegalArgumentException("unknown group_by label '" + label + "'");
        };
        return v == null ? "" : v;
    }
}
