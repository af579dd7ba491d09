package org.rightsregistry.server.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads whole numbers in query parameters only as decimal digits, with an optional minus sign that
 * the endpoint then refuses with its own message: Spring's default also takes {@code 0x10}, {@code
 * #10} and {@code +5}, which a client never means as a sequence number or a page size.
 */
@ControllerAdvice
class StrictNumberBinding {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,18}");

  @InitBinder
  void decimalNumbers(WebDataBinder binder) {
    binder.registerCustomEditor(long.class, new Decimal(false));
    binder.registerCustomEditor(Long.class, new Decimal(false));
    binder.registerCustomEditor(int.class, new Decimal(true));
    binder.registerCustomEditor(Integer.class, new Decimal(true));
  }

  /** An editor of decimal digits only. */
  private static final class Decimal extends PropertyEditorSupport {

    private final boolean isInt;

    Decimal(boolean isInt) {
      this.isInt = isInt;
    }

    @Override
    public void setAsText(String text) {
      if (text == null || !DECIMAL.matcher(text).matches()) {
        throw new IllegalArgumentException("not a whole number in decimal digits: " + text);
      }
      long value = Long.parseLong(text);
      if (isInt && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
        throw new IllegalArgumentException("too large: " + text);
      }
      setValue(isInt ? (Object) (int) value : (Object) value);
    }
  }
}
