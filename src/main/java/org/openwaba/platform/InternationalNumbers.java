package org.openwaba.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Validates and normalises phone numbers in international format with libphonenumber. Thread-safe.
 */
public final class InternationalNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final int MAX_INPUT_LENGTH = 32;

  /**
   * Recently accepted inputs and their E.164 form: parsing with libphonenumber costs tens of
   * microseconds, and senders write to the same numbers again and again. Only valid numbers are
   * kept, so the cache cannot be filled with refusals.
   */
  private static final Cache<String, String> ACCEPTED =
      Caffeine.newBuilder().maximumSize(50_000).build();

  private InternationalNumbers() {}

  /**
   * Parses a number that must start with {@code +} and its country code, such as {@code
   * +14155552671}; spaces, dashes, dots and brackets are allowed and dropped.
   *
   * @param field the JSON name of the field, used in the error's details
   * @return the number in E.164 form, such as {@code +14155552671}
   * @throws InvalidRequestException (132000) naming what is wrong
   */
  public static String toE164(String input, String field) {
    String cached = ACCEPTED.getIfPresent(input);
    if (cached != null) {
      return cached;
    }
    String e164 = parse(input, field);
    ACCEPTED.put(input, e164);
    return e164;
  }

  /**
   * The number in the international format people read, such as {@code +1 202-555-0100}, as Meta
   * shows a business number's {@code display_phone_number}; the input itself if it does not parse.
   */
  public static String formatInternational(String e164) {
    try {
      return UTIL.format(UTIL.parse(e164, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
    } catch (NumberParseException e) {
      return e164;
    }
  }

  private static String parse(String input, String field) {
    String trimmed = input.strip();
    if (trimmed.isEmpty()) {
      throw invalid(field + " must not be empty; use international format, e.g. +14155552671");
    }
    if (trimmed.length() > MAX_INPUT_LENGTH) {
      throw invalid(field + " is too long to be a phone number");
    }
    if (!trimmed.startsWith("+")) {
      throw invalid(
          "Phone number must include country code: start "
              + field
              + " with + and the country code, e.g. +14155552671");
    }
    for (int i = 1; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (!(c >= '0' && c <= '9') && " -.()".indexOf(c) < 0) {
        throw invalid(field + " may contain only digits after the +, found '" + c + "'");
      }
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(trimmed, null);
    } catch (NumberParseException e) {
      throw invalid(field + " is not a phone number: " + reason(e));
    }
    if (!UTIL.isValidNumber(number)) {
      throw invalid(
          field
              + " "
              + UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)
              + " is not a valid number for country code +"
              + number.getCountryCode());
    }
    return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  private static String reason(NumberParseException e) {
    return switch (e.getErrorType()) {
      case INVALID_COUNTRY_CODE -> "unknown country code";
      case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "too short";
      case TOO_LONG -> "too long";
      case NOT_A_NUMBER -> "not a number";
    };
  }

  private static InvalidRequestException invalid(String details) {
    return new InvalidRequestException(
        ErrorCode.INVALID_PARAMETER, "Invalid phone number format", details);
  }
}
