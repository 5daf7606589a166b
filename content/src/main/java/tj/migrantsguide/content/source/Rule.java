package tj.migrantsguide.content.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every rule the parser, the loader and the linter enforce, with its stable name and its severity. This enum is the
 * one list of rules: content/SPEC.md's rule table says what each means, and {@code RuleTableTest} fails when the
 * two disagree (a rule missing from either side, or a different severity).
 */
public enum Rule {
    // shape: parser and loader
    NOT_UTF8("not-utf8", Severity.ERROR),
    BAD_BLOCK_START("bad-block-start", Severity.ERROR),
    BODY_OUTSIDE_BLOCK("body-outside-block", Severity.ERROR),
    BAD_FIELD("bad-field", Severity.ERROR),
    UNKNOWN_KIND("unknown-kind", Severity.ERROR),
    MISSING_STAGE("missing-stage", Severity.ERROR),
    BAD_STAGE("bad-stage", Severity.ERROR),
    MISSING_KIND("missing-kind", Severity.ERROR),
    BAD_KIND("bad-kind", Severity.ERROR),
    UNKNOWN_COUNTRY("unknown-country", Severity.ERROR),
    WRONG_LANGUAGE("wrong-language", Severity.ERROR),
    BAD_NUMBER("bad-number", Severity.ERROR),
    RULE_FORMAT("rule-format", Severity.ERROR),
    // sources
    MISSING_SOURCE("missing-source", Severity.ERROR),
    SOURCE_FORMAT("source-format", Severity.ERROR),
    SOURCE_DOCUMENT_MISSING("source-document-missing", Severity.ERROR),
    SOURCE_LINE_OUT_OF_RANGE("source-line-out-of-range", Severity.ERROR),
    SOURCE_QUOTE_NOT_ON_LINE("source-quote-not-on-line", Severity.ERROR),
    SOURCE_QUOTE_MISSING("source-quote-missing", Severity.ERROR),
    /** A cited document or site that sources.txt does not name (screens would show a file name or an address). */
    SOURCE_UNNAMED("source-unnamed", Severity.ERROR),
    SOURCE_TABLE_FORMAT("source-table-format", Severity.ERROR),
    DOCUMENTS_UNAVAILABLE("documents-unavailable", Severity.WARNING),
    // translations
    MISSING_TRANSLATION("missing-translation", Severity.ERROR),
    TRANSLATION_MISMATCH("translation-mismatch", Severity.ERROR),
    // verification dates
    MISSING_VERIFIED("missing-verified", Severity.ERROR),
    BAD_DATE("bad-date", Severity.ERROR),
    FUTURE_DATE("future-date", Severity.ERROR),
    STALE("stale", Severity.WARNING),
    VERIFIED_UNKNOWN("verified-unknown", Severity.WARNING),
    // phone numbers
    PHONE_FORMAT("phone-format", Severity.ERROR),
    PHONE_MISMATCH("phone-mismatch", Severity.ERROR),
    PHONE_UNVERIFIED_FORMAT("phone-unverified-format", Severity.WARNING),
    PHONE_IN_TEXT("phone-in-text", Severity.WARNING),
    // ids, links, checklists, contacts, fields
    DUPLICATE_ID("duplicate-id", Severity.ERROR),
    BAD_ID("bad-id", Severity.ERROR),
    BROKEN_LINK("broken-link", Severity.ERROR),
    BAD_LINK("bad-link", Severity.ERROR),
    CHECKLIST_ITEM("checklist-item", Severity.ERROR),
    DUPLICATE_ITEM("duplicate-item", Severity.ERROR),
    EMPTY_TEXT("empty-text", Severity.ERROR),
    CONTACT_NEEDS_NOTE("contact-needs-note", Severity.ERROR),
    EMERGENCY_WITHOUT_PHONE("emergency-without-phone", Severity.ERROR),
    NO_EMERGENCY_CARD("no-emergency-card", Severity.ERROR),
    BAD_EMERGENCY("bad-emergency", Severity.ERROR),
    BAD_WEBSITE("bad-website", Severity.ERROR),
    UNKNOWN_FIELD("unknown-field", Severity.ERROR),
    DUPLICATE_FIELD("duplicate-field", Severity.ERROR),
    // date rules
    RULE_NUMBER("rule-number", Severity.ERROR),
    RULE_ARTICLE("rule-article", Severity.ERROR),
    RULE_CONTACT("rule-contact", Severity.ERROR),
    HOME_COUNTRY_RULE("home-country-rule", Severity.ERROR),
    // the concept table
    CONCEPT_WORDS_MISSING("concept-words-missing", Severity.ERROR),
    CONCEPT_WORD_TWICE("concept-word-twice", Severity.ERROR),
    // the words
    TAJIK_WRONG_LETTER("tajik-wrong-letter", Severity.ERROR),
    TAJIK_OLD_FONT("tajik-old-font", Severity.ERROR),
    MIXED_SCRIPT("mixed-script", Severity.ERROR),
    NOT_TAJIK("not-tajik", Severity.ERROR),
    TAJIK_LETTERS_MISSING("tajik-letters-missing", Severity.WARNING),
    GLOSSARY_TERM("glossary-term", Severity.WARNING);

    public enum Severity { ERROR, WARNING }

    private final String code;
    private final Severity severity;

    Rule(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    /** The stable name editors see in brackets ({@code [missing-source]}) and SPEC.md lists. */
    public String code() {
        return code;
    }

    /** Errors stop the build and the publisher; warnings are printed but do not. */
    public Severity severity() {
        return severity;
    }

    public static Optional<Rule> byCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return code;
    }

    String severityName() {
        return severity.name().toLowerCase(Locale.ROOT);
    }
}
