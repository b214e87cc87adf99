package org.kinlink.media.ocr;

/** One line Tesseract read: its words joined, its box in pixels of the image, its mean word confidence (0-100). */
record OcrLine(String text, int x, int y, int width, int height, float confidence) {
}
