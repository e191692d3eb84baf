"""Draw the app icon (PNG sizes and a Windows .ico) into resources/icons/ (run once; files are committed)."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    p.setBrush(QColor("#1f5f8b"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawRoundedRect(QRectF(8 * s, 8 * s, 240 * s, 240 * s), 44 * s, 44 * s)
    page = QPainterPath()
    page.addRoundedRect(QRectF(58 * s, 38 * s, 124 * s, 164 * s), 10 * s, 10 * s)
    p.setBrush(QColor("#fbfaf5"))
    p.drawPath(page)
    p.setPen(QPen(QColor("#9aa7b3"), 9 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    for i, width in enumerate((84, 96, 70, 90, 60)):
        y = (72 + i * 24) * s
        p.drawLine(QPointF(78 * s, y), QPointF((78 + width) * s, y))
    p.setPen(QPen(QColor("#d9423b"), 16 * s, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.setBrush(QColor(255, 255, 255, 210))
    p.drawEllipse(QPointF(168 * s, 160 * s), 34 * s, 34 * s)
    p.drawLine(QPointF(193 * s, 185 * s), QPointF(222 * s, 214 * s))
    p.end()
    return image


def main() -> None:
    QGuiApplication([])
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 64, 128, 256):
        draw(size).save(str(OUT / f"archive-viewer-{size}.png"))
    draw(256).save(str(OUT / "archive-viewer.ico"))
    print(f"icons written to {OUT}")


if __name__ == "__main__":
    main()
