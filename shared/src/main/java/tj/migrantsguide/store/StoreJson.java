package tj.migrantsguide.store;

import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The store's one JSON mapper, made the first time a notice, a date title or a change list is read or written:
 * not when {@link UserData}, {@link PersonalDates} or {@link ChangeLog} are first touched, which every start does
 * before its first frame (a mapper loads some 330 classes; docs/performance.md).
 */
final class StoreJson {
    private StoreJson() {}

    static JsonMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }
}
