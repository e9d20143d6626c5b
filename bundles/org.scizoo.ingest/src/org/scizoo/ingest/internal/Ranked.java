package org.scizoo.ingest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OSGi services of one kind that come and go, kept in their service ranking's order (highest first, as
 * OSGi ranks them). The list is replaced whole on a change, so a reader in progress sees one consistent
 * list; {@code onChange} is told each new list.
 */
final class Ranked<T> {

    private final Map<T, Integer> ranks = new IdentityHashMap<>();
    private final Consumer<List<T>> onChange;
    private volatile List<T> inOrder = List.of();

    Ranked(Consumer<List<T>> onChange) {
        this.onChange = onChange;
    }

    synchronized void add(T service, Map<String, Object> properties) {
        ranks.put(service, properties.get("service.ranking") instanceof Integer r ? r : 0);
        List<T> sorted = new ArrayList<>(ranks.keySet());
        sorted.sort(Comparator.comparingInt((T s) -> ranks.get(s)).reversed());
        changed(sorted);
    }

    synchronized void remove(T service) {
        ranks.remove(service);
        changed(inOrder.stream().filter(s -> s != service).toList());
    }

    private void changed(List<T> next) {
        inOrder = List.copyOf(next);
        onChange.accept(inOrder);
    }

    List<T> inOrder() {
        return inOrder;
    }
}
