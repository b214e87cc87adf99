package org.kinlink.media.uploads;

import java.io.InputStream;
import java.util.UUID;

import org.kinlink.media.UploadReceiver;
import org.kinlink.media.UploadTooLargeException;

import org.springframework.stereotype.Service;

/** {@link UploadReceiver}: a file from a plain form, streamed through encryption into one finished upload. */
@Service
class PlainUploadReceiver implements UploadReceiver {

	private final UploadStore store;

	private final UploadSettings settings;

	PlainUploadReceiver(UploadStore store, UploadSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	@Override
	public UUID receive(InputStream bytes, String fileName) {
		UUID id = store.storeWhole(bytes, fileName, settings.plainMaxSize());
		if (id == null) {
			throw new UploadTooLargeException();
		}
		return id;
	}

}
