package org.scizoo.core.search;

import java.util.List;

/**
 * A search's conditions as a tree: a condition on one metadata key or dataset field, or conditions joined by
 * {@code and} ({@link AllOf}) or {@code or} ({@link AnyOf}), as PaNOSC's query language joins them.
 */
public sealed interface Criterion permits ParamCondition, FieldCondition, Criterion.AllOf, Criterion.AnyOf {

    /** Every one holds. */
    record AllOf(List<Criterion> all) implements Criterion {
        public AllOf {
            all = List.copyOf(all);
        }
    }

    /** At least one holds; none given, none does. */
    record AnyOf(List<Criterion> any) implements Criterion {
        public AnyOf {
            any = List.copyOf(any);
        }
    }
}
