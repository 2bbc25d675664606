package dev.replyclock.cli;

import dev.replyclock.alert.Receiver;
import dev.replyclock.alert.ReceiverConfig;
import dev.replyclock.alert.ReceiverFactory;
import dev.replyclock.config.ConfigException;
import dev.replyclock.config.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a reload of {@code alerts.receivers} changes: receivers whose settings are new or changed are built
 * (all of them, before anything is touched, so that one that cannot be built refuses the whole reload),
 * receivers no longer listed are to stop, and unchanged ones keep running as they are.
 *
 * @param startOrReplace built receivers, new or changed
 * @param stop           names of receivers to remove
 */
record ReceiverReload(List<Receiver> startOrReplace, Set<String> stop) {

    /** @param rebuildAll build every listed receiver anew (the alert text changed), replacing the running ones */
    static ReceiverReload plan(List<ReceiverConfig> running, List<ReceiverConfig> fresh, ReceiverFactory factory,
                               boolean rebuildAll) throws ConfigException {
        Map<String, ReceiverConfig> before = running.stream()
                .collect(Collectors.toMap(ReceiverConfig::name, Function.identity()));
        List<Receiver> built = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            ReceiverConfig rc = fresh.get(i);
            if (!rebuildAll && rc.equals(before.get(rc.name()))) {
                continue; // unchanged: keeps running, with its circuit breaker and position
            }
            try {
                built.add(factory.create(rc));
            } catch (RuntimeException e) {
                built.forEach(Receiver::close);
                throw new ConfigException("alerts.receivers", List.of(new ConfigProblem("alerts.receivers[" + i + "]",
                        rc.name(), "cannot start this receiver (" + e.getMessage() + "); nothing was reloaded")));
            }
        }
        Set<String> kept = fresh.stream().map(ReceiverConfig::name).collect(Collectors.toSet());
        Set<String> stop = new LinkedHashSet<>();
        running.forEach(rc -> {
            if (!kept.contains(rc.name())) {
                stop.add(rc.name());
            }
        });
        return new ReceiverReload(List.copyOf(built), Set.copyOf(stop));
    }

    /** Closes the built receivers of a plan that is not applied. */
    void discard() {
        startOrReplace.forEach(Receiver::close);
    }
}
