package org.kinlink.translation.tasks;

/**
 * Something the reader can do with the whole task, offered by an aid: a link (GET), a form button (POST) or a
 * form with a file field (POST, multipart, field name "file"). The code is the message code of its label; the
 * url is relative to the context path (e.g. /staff/translations/{id}/xliff). The editor renders it with the
 * CSRF token; the controller behind it checks the reader again.
 */
public record AidAction(String code, Method method, String url) {

	public enum Method {
		GET, POST, UPLOAD
	}

}
