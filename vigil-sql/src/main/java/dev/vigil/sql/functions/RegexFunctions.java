package dev.vigil.sql.functions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * osquery's regex_match and regex_split (osquery/sql/sqlite_string.cpp). osquery uses std::regex with its default
 * ECMAScript grammar; these use java.util.regex, which reads ECMAScript patterns the same way for the constructs
 * queries use (classes, groups, quantifiers, anchors, \d \w \s \b, lookahead). Patterns longer than osquery's
 * {@code regex_max_size} (256 bytes) are refused as in osquery. A match that backtracks without end fails after
 * {@link BoundedText#STEPS} steps, and stops when its statement is interrupted.
 */
public final class RegexFunctions {

    /** osquery's hidden flag regex_max_size, at its default. */
    static final int REGEX_MAX_SIZE = 256;

    private RegexFunctions() {}

    /**
     * regex_match(STR, PATTERN, INDEX): the INDEX-th group of the first match of PATTERN anywhere in STR (0 is the
     * whole match); NULL if there is no match, INDEX is out of range or an argument is NULL. A group that did not
     * take part in the match is the empty string, as std::smatch gives.
     */
    public static final class RegexMatch extends NamedFunction {
        public RegexMatch() {
            super("regex_match", 3, "regex_match(STR, PATTERN, INDEX): group INDEX (0 = whole match) of the first"
                    + " match of the regular expression PATTERN in STR; NULL if none");
        }

        @Override
        public Object apply(Object[] args) {
            if (args[0] == null || args[1] == null || args[2] == null) {
                return null;
            }
            String pattern = SqliteValues.cText(args[1]);
            if (pattern.getBytes(StandardCharsets.UTF_8).length > REGEX_MAX_SIZE) {
                throw new IllegalArgumentException(
                        "Invalid regex: too big, max size is " + REGEX_MAX_SIZE + " bytes");
            }
            Matcher matcher = compile(pattern).matcher(new BoundedText(SqliteValues.cText(args[0])));
            int index = SqliteValues.toInt(args[2]);
            if (!matcher.find() || index < 0 || index > matcher.groupCount()) {
                return null;
            }
            String group = matcher.group(index);
            return group == null ? "" : group;
        }
    }

    /**
     * regex_split(STR, PATTERN, INDEX): the INDEX-th piece of STR between matches of PATTERN, as
     * std::sregex_token_iterator with submatch -1 gives them: a leading empty piece and empty pieces between
     * adjacent matches are kept, a trailing empty piece is not, and STR with no match is one piece. NULL if INDEX
     * is out of range or an argument is NULL; an empty PATTERN is an error.
     */
    public static final class RegexSplit extends NamedFunction {
        public RegexSplit() {
            super("regex_split", 3, "regex_split(STR, PATTERN, INDEX): the INDEX-th piece (from 0) of STR split at"
                    + " matches of the regular expression PATTERN; NULL if there is none");
        }

        @Override
        public Object apply(Object[] args) {
            if (args[0] == null || args[1] == null || args[2] == null) {
                return null;
            }
            String input = SqliteValues.cText(args[0]);
            String pattern = SqliteValues.cText(args[1]);
            int index = SqliteValues.toInt(args[2]);
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("Invalid input to split function");
            }
            if (pattern.getBytes(StandardCharsets.UTF_8).length > REGEX_MAX_SIZE) {
                throw new IllegalArgumentException("Invalid regex");
            }
            List<String> pieces = split(input, compile(pattern));
            return index < 0 || index >= pieces.size() ? null : pieces.get(index);
        }

        static List<String> split(String input, Pattern pattern) {
            List<String> pieces = new ArrayList<>();
            Matcher matcher = pattern.matcher(new BoundedText(input));
            int previousEnd = 0;
            boolean matched = false;
            while (matcher.find()) {
                pieces.add(input.substring(previousEnd, matcher.start()));
                previousEnd = matcher.end();
                matched = true;
            }
            if (!matched) {
                pieces.add(input);
            } else if (previousEnd < input.length()) {
                pieces.add(input.substring(previousEnd));
            }
            return pieces;
        }
    }

    private static Pattern compile(String pattern) {
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regex", e);
        }
    }
}
