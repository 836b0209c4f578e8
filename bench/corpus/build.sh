#!/bin/sh
# Rebuilds the binary resumes of the corpus from their sources (see SOURCES.md).
# Tools (Debian 12 packages): texlive-latex-base/-recommended/-extra (pdflatex), poppler-utils
# (pdftotext), pandoc. Run from anywhere: sh bench/corpus/build.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/resumes"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for name in brandon_high_resume patrick_king_resume; do
    cp "$out/src/$name.tex" "$tmp/"
    (cd "$tmp" && pdflatex -interaction=nonstopmode "$name.tex" >/dev/null)
done
cp "$tmp/brandon_high_resume.pdf" "$out/brandon-high-resume.pdf"
cp "$tmp/patrick_king_resume.pdf" "$out/patrick-king-resume.pdf"
# "Text pasted from a PDF": what pdftotext gives for the compiled PDF, in reading order.
pdftotext -enc UTF-8 "$tmp/patrick_king_resume.pdf" "$out/patrick-king-resume-from-pdf.txt"
# Word files built from two of the Markdown resumes.
pandoc -f markdown -t docx -o "$out/eliotpiering-resume.docx" "$out/eliotpiering-resume.md"
pandoc -f markdown -t docx -o "$out/patrickcmd-linkedin-resume.docx" "$out/patrickcmd-linkedin-resume.md"
