package tj.migrantsguide.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.guide.Language;

class QuestionRulesTest {
    private static final String TAJIK = "Бақайдгирӣ дар куҷо ҳаст?"; // "Where is registration done?"

    private static Question valid(QuestionDraft draft) {
        return assertInstanceOf(Validation.Valid.class, QuestionRules.check(draft)).question();
    }

    private static List<FieldProblem> problems(QuestionDraft draft) {
        return assertInstanceOf(Validation.Invalid.class, QuestionRules.check(draft)).problems();
    }

    private static QuestionDraft message(String text) {
        return new QuestionDraft("registration", "RU", "tg", text, "", false);
    }

    private static QuestionDraft contact(String contact) {
        return new QuestionDraft("work-and-pay", "RU", "ru", "Мне не платят зарплату два месяца.", contact, true);
    }

    @Test
    void acceptsAQuestionAndNormalisesItsText() {
        Question question = valid(new QuestionDraft(" registration ", "ru", "TG",
                "  Салом!\r\nБақайдгирӣ\tдар куҷо?\r  ", "", false));

        assertEquals(Topic.REGISTRATION, question.topic());
        assertEquals("RU", question.country());
        assertEquals(Language.TAJIK, question.language());
        assertEquals("Салом!\nБақайдгирӣ дар куҷо?", question.message());
        assertEquals(Optional.empty(), question.contact());
    }

    @Test
    void reportsEveryEmptyFieldInTheOrderOfTheForm() {
        List<FieldProblem> problems = problems(new QuestionDraft("", "", "", "   ", "", false));

        assertEquals(List.of(new FieldProblem.Missing(QuestionField.TOPIC), new FieldProblem.Missing(QuestionField.COUNTRY),
                new FieldProblem.Missing(QuestionField.LANGUAGE), new FieldProblem.Missing(QuestionField.MESSAGE)),
                problems);
    }

    @Test
    void refusesValuesOutsideTheFixedLists() {
        List<FieldProblem> problems = problems(new QuestionDraft("visa", "Russia", "de", TAJIK, "", false));

        assertEquals(List.of(new FieldProblem.UnknownValue(QuestionField.TOPIC, "visa"),
                new FieldProblem.UnknownValue(QuestionField.COUNTRY, "RUSSIA"),
                new FieldProblem.UnknownValue(QuestionField.LANGUAGE, "de")), problems);
    }

    @Test
    void countsCharactersAsPeopleSeeThemNotBytesOrUtf16Units() {
        // Ten Tajik letters (two bytes each in UTF-8) are ten characters.
        assertEquals("ҳҷӯқғӣҳҷӯқ", valid(message("ҳҷӯқғӣҳҷӯқ")).message());
        // "й" typed as и + combining breve is one character after NFC.
        assertEquals(List.of(new FieldProblem.TooShort(QuestionField.MESSAGE, 10, 9)),
                problems(message("и\u0306и\u0306и\u0306и\u0306и\u0306и\u0306и\u0306и\u0306и\u0306")));
        // Emoji are two UTF-16 units but one character each: 2000 of them fit.
        String emoji = "\uD83D\uDE00".repeat(QuestionLimits.MESSAGE_MAX);
        assertEquals(emoji, valid(message(emoji)).message());
    }

    @Test
    void refusesMessagesShorterOrLongerThanTheLimits() {
        assertEquals(List.of(new FieldProblem.TooShort(QuestionField.MESSAGE, 10, 5)), problems(message("Салом")));
        assertEquals(List.of(new FieldProblem.TooLong(QuestionField.MESSAGE, 2000, 2001)),
                problems(message("а".repeat(2001))));
        assertEquals(2000, valid(message("а".repeat(2000))).message().length());
    }

    @Test
    void refusesInvisibleAndDamagedCharactersButKeepsLineBreaks() {
        assertEquals("Салом\n\nчӣ гап?", valid(message("Салом\n\nчӣ гап?")).message());
        assertEquals(List.of(new FieldProblem.ForbiddenCharacter(QuestionField.MESSAGE, 0, 5)),
                problems(message("Салом\u0000 чӣ гап, дӯстон?")));
        assertEquals(List.of(new FieldProblem.ForbiddenCharacter(QuestionField.MESSAGE, 0x202E, 2)),
                problems(message("ab\u202Ecdefghijkl")));
        assertEquals(List.of(new FieldProblem.ForbiddenCharacter(QuestionField.MESSAGE, 0xD800, 3)),
                problems(message("abc\uD800defghijkl")));
        assertEquals(List.of(new FieldProblem.ForbiddenCharacter(QuestionField.MESSAGE, 0xFFFD, 0)),
                problems(message("\uFFFDabcdefghijkl")));
        assertEquals(List.of(new FieldProblem.ForbiddenCharacter(QuestionField.CONTACT, '\n', 4)),
                problems(contact("+7 0\n000 000 00")));
    }

    @Test
    void acceptsPhoneNumbersAsPeopleWriteThem() {
        for (String phone : List.of("+7 000 000-00-00", "8 (000) 000 00 00", "0000000", "+000000000000000")) {
            assertEquals(Optional.of(phone), valid(contact(phone)).contact(), phone);
        }
    }

    @Test
    void acceptsPlainEmailAddresses() {
        for (String email : List.of("name@example.org", "first.last+tag@mail.example.tj")) {
            assertEquals(Optional.of(email), valid(contact(email)).contact(), email);
        }
    }

    @Test
    void refusesContactsThatAreNeitherPhoneNorEmail() {
        for (String contact : List.of("+7 00", "call me", "00+00000000", "+0000000000000000", "name@example",
                "name@@example.org", "@example.org", "name example@example.org", "телефон 0000000")) {
            assertEquals(List.of(new FieldProblem.NotAPhoneOrEmail()), problems(contact(contact)), contact);
        }
        assertEquals(List.of(new FieldProblem.TooLong(QuestionField.CONTACT, 254, 255)),
                problems(contact("a".repeat(243) + "@example.org")));
    }

    @Test
    void aContactNeedsConsentButNoContactNeedsNone() {
        QuestionDraft withoutConsent = new QuestionDraft("health", "RU", "en", "Where can I see a doctor?",
                "name@example.org", false);
        assertEquals(List.of(new FieldProblem.ConsentMissing()), problems(withoutConsent));

        Question noContact = valid(new QuestionDraft("health", "RU", "en", "Where can I see a doctor?", "  ", false));
        assertEquals(Optional.empty(), noContact.contact());
    }

    @Test
    void everyProblemHasACodeAndAMessage() {
        List<FieldProblem> all = List.of(new FieldProblem.Missing(QuestionField.TOPIC),
                new FieldProblem.TooShort(QuestionField.MESSAGE, 10, 3),
                new FieldProblem.TooLong(QuestionField.MESSAGE, 2000, 2100),
                new FieldProblem.ForbiddenCharacter(QuestionField.MESSAGE, 0x202E, 0),
                new FieldProblem.UnknownValue(QuestionField.COUNTRY, "XX"),
                new FieldProblem.NotAPhoneOrEmail(), new FieldProblem.ConsentMissing());
        for (FieldProblem problem : all) {
            assertTrue(problem.code().matches("[a-z_]+"), problem.code());
            assertTrue(problem.message().endsWith("."), problem.message());
        }
        assertEquals("Write at least 10 characters (now 3).", all.get(1).message());
    }

    private static QuestionDraft report(String topic, String about, String number) {
        return new QuestionDraft(topic, "RU", "ru", "Номер 227-07-07-07 («Горячая линия») не работает.", "", false,
                about, number);
    }

    @Test
    void aReportNamesTheContactItIsAboutAndTheNumberTried() {
        Question question = valid(report("report-a-problem", "contact/RU/trafficking-hotline-227-ru", " 227-07-07-07 "));

        assertEquals(Optional.of(new ReportedContact("RU", "trafficking-hotline-227-ru")), question.about());
        assertEquals(Optional.of("227-07-07-07"), question.number());
        // Cards carry short codes, which a contact would not pass as a phone.
        assertEquals(Optional.of("112"), valid(report("report-a-problem", "contact/KZ/emergency-112-kz", "112")).number());
        assertEquals(Optional.empty(), valid(report("report-a-problem", "", "")).about());
    }

    @Test
    void refusesAnItemThatIsNotAContactOfTheGuideWrittenExactly() {
        for (String about : List.of("contact/ru/trafficking-hotline-227-ru", "contact/RUS/hotline", "contact/RU/",
                "contact/RU/Hotline", "contact/RU/hot line", "contact/RU/-hotline", "contact/RU/hotline/x",
                " contact/RU/hotline", "article/RU/entry-russia", "checklist/RU/before-you-leave", "contact:RU/hotline",
                "RU/hotline", "contact/RU/" + "a".repeat(QuestionLimits.ITEM_ID_MAX + 1),
                "contact/RU/hotline\u0000", "contact/RU/хат")) {
            assertEquals(List.of(new FieldProblem.UnknownValue(QuestionField.ABOUT, about)),
                    problems(report("report-a-problem", about, "")), about);
        }
        assertEquals(Optional.of(new ReportedContact("RU", "a".repeat(QuestionLimits.ITEM_ID_MAX))),
                valid(report("report-a-problem", "contact/RU/" + "a".repeat(QuestionLimits.ITEM_ID_MAX), "")).about());
    }

    @Test
    void onlyAReportNamesAnItemAndOnlyWithItsItemANumber() {
        assertEquals(List.of(new FieldProblem.UnknownValue(QuestionField.ABOUT, "contact/RU/trafficking-hotline-227-ru")),
                problems(report("work-and-pay", "contact/RU/trafficking-hotline-227-ru", "")));
        assertEquals(List.of(new FieldProblem.UnknownValue(QuestionField.NUMBER, "227-07-07-07")),
                problems(report("report-a-problem", "", "227-07-07-07")));
        for (String number : List.of("12", "+7 495 abc", "1234567890123456", "7 (495) 123-45-67 " + "0".repeat(20),
                "++112", "11\u00002")) {
            assertEquals(List.of(new FieldProblem.UnknownValue(QuestionField.NUMBER, number.strip())),
                    problems(report("report-a-problem", "contact/RU/trafficking-hotline-227-ru", number)), number);
        }
        assertTrue(new FieldProblem.UnknownValue(QuestionField.ABOUT, "x").message().endsWith("."));
        assertTrue(new FieldProblem.UnknownValue(QuestionField.NUMBER, "x").message().endsWith("."));
    }
}
