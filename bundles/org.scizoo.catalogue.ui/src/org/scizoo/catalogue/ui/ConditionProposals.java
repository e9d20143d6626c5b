package org.scizoo.catalogue.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.fieldassist.ContentProposal;
import org.eclipse.jface.fieldassist.IContentProposal;
import org.eclipse.jface.fieldassist.IContentProposalProvider;

/**
 * Suggestions as a condition is typed in the Catalogue: the metadata keys conditions compare (from the
 * index) at a condition's start, and after {@code KEY OP NUMBER } the units that key is stored in. Each
 * proposal inserts what is not typed yet.
 */
final class ConditionProposals implements IContentProposalProvider {

    /** After a key, an operator or a range, a number, and a space: a unit comes next. */
    private static final Pattern BEFORE_UNIT = Pattern
            .compile("\\s*(\\S+?)\\s*(?:<=|>=|!=|=|<|>|\\s)\\s*[-+0-9.eE]+(?:\\s*\\.\\.\\s*[-+0-9.eE]+)?\\s+(\\S*)");
    private volatile SortedMap<String, List<String>> keys = new TreeMap<>();

    void keys(SortedMap<String, List<String>> known) {
        keys = known;
    }

    @Override
    public IContentProposal[] getProposals(String contents, int position) {
        String before = contents.substring(0, Math.min(position, contents.length()));
        String condition = before.substring(before.lastIndexOf(';') + 1).stripLeading();
        List<IContentProposal> out = new ArrayList<>();
        SortedMap<String, List<String>> known = keys;
        Matcher unit = BEFORE_UNIT.matcher(condition);
        if (unit.matches()) {
            String typed = unit.group(2);
            for (String u : known.getOrDefault(unit.group(1), List.of())) {
                if (!u.isEmpty() && u.startsWith(typed)) {
                    out.add(new ContentProposal(u.substring(typed.length()), u, "stored in " + u + " (SI)"));
                }
            }
        } else if (!condition.contains(" ") && condition.chars().noneMatch(c -> "<>=!".indexOf(c) >= 0)) {
            String lower = condition.toLowerCase(Locale.ROOT);
            known.forEach((key, units) -> {
                if (key.toLowerCase(Locale.ROOT).startsWith(lower)) {
                    String si = String.join(", ", units.stream().map(u -> u.isEmpty() ? "no unit" : u).toList());
                    out.add(new ContentProposal(key.substring(condition.length()) + " ", key + "  (" + si + ")",
                            key + ": numbers in " + si));
                }
            });
        }
        return out.toArray(IContentProposal[]::new);
    }
}
