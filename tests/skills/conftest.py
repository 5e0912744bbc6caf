"""Real resume files, written at test time: PDF with fpdf2 (encrypted with pypdf), DOCX with
python-docx."""

from __future__ import annotations

from pathlib import Path

POSTINGS = Path(__file__).parent / "postings"


def posting(name: str) -> str:
    return (POSTINGS / f"{name}.txt").read_text(encoding="utf-8")


def write_pdf(path: Path, lines: list[str], *, password: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    if password is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(path))
        writer.encrypt(user_password=password, owner_password=password + "!", algorithm="RC4-128")
        with path.open("wb") as handle:
            writer.write(handle)
    return path


def write_image_only_pdf(path: Path) -> Path:
    """A page with shapes and no text layer, like a scanned resume."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    for row in range(20):
        pdf.rect(20, 20 + row * 10, 150, 4, style="F")
    pdf.output(str(path))
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    document.save(str(path))
    return path
