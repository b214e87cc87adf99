package org.kinlink.shared.web;

import java.beans.PropertyEditorSupport;

import org.kinlink.shared.text.PersianText;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/** Every text a form sends is normalised (NFC, Persian letter forms, trimmed) before it is validated. */
@ControllerAdvice
class TextBinding {

	@InitBinder
	void normaliseText(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				String normalised = PersianText.normalize(text);
				setValue(normalised == null || normalised.isEmpty() ? null : normalised);
			}
		});
	}

}
