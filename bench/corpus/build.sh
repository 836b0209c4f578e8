#!/bin/sh
# Rebuilds the binary resumes of the corpus from their sources (see SOURCES.md).
# Tools (Debian 12 packages): texlive-latex-base/-recommended/-extra (pdflatex), texlive-xetex and
# texlive-fonts-extra (xelatex, fontawesome5), texlive-bibtex-extra (biblatex), texlive-humanities
# (verse), texlive-lang-european (Dutch babel), texlive-lang-polish (polski), texlive-lang-portuguese
# (Brazilian babel), texlive-lang-french (French babel), fonts-texgyre, fonts-open-sans,
# fonts-inconsolata, lmodern, poppler-utils (pdftotext), pandoc, libreoffice-writer-nogui (PDFs of
# Word files). Run from anywhere: sh bench/corpus/build.sh
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
# Denis Evsyukov's Awesome-CV resume (XeLaTeX, class as committed beside it). The class asks for
# Helvetica Neue, which Linux lacks: TeX Gyre Heros (Debian fonts-texgyre) stands in for it.
cp "$out/src/Denis_Evsyukov_EN.tex" "$tmp/"
sed 's/Helvetica Neue/TeX Gyre Heros/' "$out/src/awesome-cv-fa5.cls" > "$tmp/awesome-cv-fa5.cls"
(cd "$tmp" && xelatex -interaction=nonstopmode Denis_Evsyukov_EN.tex >/dev/null)
cp "$tmp/Denis_Evsyukov_EN.pdf" "$out/evsyukov-resume.pdf"
pdftotext -enc UTF-8 "$tmp/Denis_Evsyukov_EN.pdf" "$out/evsyukov-resume-from-pdf.txt"
# PDFs pandoc makes of two Markdown resumes (through pdflatex), Word files of a Markdown and a
# reStructuredText resume.
pandoc -f markdown -o "$out/alexander-clark-resume.pdf" "$out/alexander-clark-resume.md"
pandoc -f markdown -o "$out/naspeh-resume.pdf" "$out/naspeh-resume.md"
pandoc -f markdown -t docx -o "$out/kapralnsk-job-history.docx" "$out/kapralnsk-job-history.md"
pandoc -f rst -t docx -o "$out/maksadbek-resume.docx" "$out/maksadbek-resume.rst"
# A React page's resume as the browser shows it: the HTML its components render from the data
# file (src/mikeortman-resume.html), as plain text.
pandoc -f html -t plain -o "$out/mikeortman-resume.txt" "$out/src/mikeortman-resume.html"
# A Word file built from a Markdown resume added later.
pandoc -f markdown -t docx -o "$out/devexps-resume.docx" "$out/devexps-resume.md"
# A Jake's-template resume whose jobs are under "Internship", and the text pdftotext gives of it.
cp "$out/src/girish_kumar_resume.tex" "$tmp/"
(cd "$tmp" && pdflatex -interaction=nonstopmode girish_kumar_resume.tex >/dev/null)
cp "$tmp/girish_kumar_resume.pdf" "$out/girish-kumar-resume.pdf"
pdftotext -enc UTF-8 "$tmp/girish_kumar_resume.pdf" "$out/girish-kumar-resume-from-pdf.txt"
# PDFs pandoc makes (through pdflatex) and Word files of later Markdown and reStructuredText
# resumes.
for name in theprathamshah-resume 2kabhishek-resume; do
    pandoc -f markdown -o "$out/$name.pdf" "$out/$name.md"
done
pandoc -f markdown -t docx -o "$out/2kabhishek-resume.docx" "$out/2kabhishek-resume.md"
for name in stpierre-resume craigahobbs-resume ikhomutov-resume; do
    pandoc -f rst -t docx -o "$out/$name.docx" "$out/$name.rst"
done
# PDFs pandoc makes (through pdflatex) of the Markdown and reStructuredText resumes added later
# that pdflatex can typeset (no emoji or Hebrew).
pandoc -f markdown -o "$out/2garryn-resume.pdf" "$out/2garryn-resume.md"
for name in ikhomutov-resume stpierre-resume craigahobbs-resume rtnpro-resume smt-resume; do
    pandoc -f rst -o "$out/$name.pdf" "$out/$name.rst"
done
pandoc -f markdown -t docx -o "$out/010101mostafa-resume.docx" "$out/010101mostafa-resume.md"
pandoc -f markdown -t docx -o "$out/28kayak-resume.docx" "$out/28kayak-resume.md"
pandoc -f markdown -o "$out/28kayak-resume.pdf" "$out/28kayak-resume.md"
# Word copies of the tuning Markdown and reStructuredText resumes that had none; Markdown read as
# GitHub reads it (these are pages GitHub shows), front matter as metadata.
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/tosky1125-index.docx" "$out/tosky1125-index.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/gangster-hire-resume.docx" "$out/gangster-hire-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/hiteshrepo-experience.docx" "$out/hiteshrepo-experience.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/ikouchiha47-resume.docx" "$out/ikouchiha47-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/itspriddle-resume.docx" "$out/itspriddle-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/mahrezbh-resume.docx" "$out/mahrezbh-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/artem3010-cv.docx" "$out/artem3010-cv.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/lzakharov-resume.docx" "$out/lzakharov-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/sri-shubham-cv.docx" "$out/sri-shubham-cv.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/vsantona-resume.docx" "$out/vsantona-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/easachs-resume.docx" "$out/easachs-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/naspeh-resume.docx" "$out/naspeh-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/fschmidt-cv-content.docx" "$out/fschmidt-cv-content.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/buulka-cv.docx" "$out/buulka-cv.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/alexander-clark-resume.docx" "$out/alexander-clark-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/0xadada-resume.docx" "$out/0xadada-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/2garryn-resume.docx" "$out/2garryn-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/theprathamshah-resume.docx" "$out/theprathamshah-resume.md"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/parambirs-resume.docx" "$out/parambirs-resume.md"
pandoc -f rst -t docx -o "$out/adarnimrod-resume.docx" "$out/adarnimrod-resume.rst"
pandoc -f rst -t docx -o "$out/rtnpro-resume.docx" "$out/rtnpro-resume.rst"
pandoc -f rst -t docx -o "$out/smt-resume.docx" "$out/smt-resume.rst"
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/3zcurdia-resume.docx" "$out/3zcurdia-resume.md"
# The batch added 2026-12-01. A page's Eleventy template rendered with its front matter
# (src/nicolashery-resume.html, see SOURCES.md) as plain text; Word files of two Markdown pages,
# of one whose lists start right under a paragraph line (read as GitHub reads it) and of two
# reStructuredText resumes.
pandoc -f html -t plain -o "$out/nicolashery-resume.txt" "$out/src/nicolashery-resume.html"
for name in rmorshea-resume iantabolt-resume; do
    pandoc -f markdown -t docx -o "$out/$name.docx" "$out/$name.md"
done
pandoc -f gfm+yaml_metadata_block -t docx -o "$out/sufimalek-resume.docx" "$out/sufimalek-resume.md"
for name in yrunts-cv 198d-resume; do
    pandoc -f rst -t docx -o "$out/$name.docx" "$out/$name.rst"
done
# The PDF batch added 2026-12-01: LaTeX resumes as their authors committed them, each in
# resumes/src/<owner>/ with the class, style or bibliography files it needs (contacts replaced, see
# SOURCES.md); pdflatex unless the source asks for XeLaTeX (fontspec), and pdftotext of six of them.
for spec in aleksandr-kiriushin:cv mjepronk:matthias-pronk-en adyel:adyel-professional-resume \
        h4rryp0tt3r:resume balikfromua:resume almog:almog_cv; do
    owner=${spec%%:*}
    name=${spec#*:}
    mkdir -p "$tmp/$owner"
    cp -R "$out/src/$owner/." "$tmp/$owner/"
    # almog_cv.tex prints a poem first when PRINTINTRODUCTION=true is in the environment.
    (cd "$tmp/$owner" && env -u PRINTINTRODUCTION pdflatex -interaction=nonstopmode "$name.tex" >/dev/null)
    cp "$tmp/$owner/$name.pdf" "$out/$owner-resume.pdf"
done
# A two-column resume whose en/resume.tex inputs ../common/style.tex.
mkdir -p "$tmp/herberthcaldeira"
cp -R "$out/src/herberthcaldeira/." "$tmp/herberthcaldeira/"
(cd "$tmp/herberthcaldeira/en" && pdflatex -interaction=nonstopmode resume.tex >/dev/null)
cp "$tmp/herberthcaldeira/en/resume.pdf" "$out/herberthcaldeira-resume.pdf"
# XeLaTeX. 1player's class sets IBM Plex Sans by name: fontconfig is shown TeX Live's copy
# (texlive-fonts-extra), which it does not index by itself.
mkdir -p "$tmp/1player"
cp -R "$out/src/1player/." "$tmp/1player/"
cat > "$tmp/1player/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$(kpsewhich -var-value TEXMFDIST)/fonts/opentype/ibm/plex</dir>
  <cachedir>$tmp/1player/fontconfig-cache</cachedir>
</fontconfig>
CONF
(cd "$tmp/1player" && FONTCONFIG_FILE="$tmp/1player/fonts.conf" xelatex -interaction=nonstopmode resume.tex >/dev/null)
cp "$tmp/1player/resume.pdf" "$out/1player-resume.pdf"
# 0xPoe's source has an unescaped "&" (\textbf{Cargo & Rustup}): XeLaTeX reports the error, drops
# the character and goes on, as it did for its author.
mkdir -p "$tmp/0xpoe"
cp -R "$out/src/0xpoe/." "$tmp/0xpoe/"
(cd "$tmp/0xpoe" && { xelatex -interaction=nonstopmode resume.tex >/dev/null || test -f resume.pdf; })
cp "$tmp/0xpoe/resume.pdf" "$out/0xpoe-resume.pdf"
# res.cls with a bibliography (bibentry): XeLaTeX, since the source spells accents as combining
# marks (U+0301, U+0308), which pdflatex's inputenc rejects; BibTeX, then two more runs.
mkdir -p "$tmp/alexbalonperin"
cp -R "$out/src/alexbalonperin/." "$tmp/alexbalonperin/"
(cd "$tmp/alexbalonperin" && { xelatex -interaction=nonstopmode me.tex >/dev/null || true; } \
    && bibtex me >/dev/null && xelatex -interaction=nonstopmode me.tex >/dev/null \
    && xelatex -interaction=nonstopmode me.tex >/dev/null)
cp "$tmp/alexbalonperin/me.pdf" "$out/alexbalonperin-resume.pdf"
for owner in aleksandr-kiriushin mjepronk herberthcaldeira h4rryp0tt3r alexbalonperin 0xpoe; do
    pdftotext -enc UTF-8 "$out/$owner-resume.pdf" "$out/$owner-resume-from-pdf.txt"
done
# The third fresh batch (added 2026-12-01): LaTeX resumes as committed, in resumes/src/<owner>/
# (contacts replaced, see SOURCES.md). A class ported from RenderCV's engineering theme (pdflatex);
# a plain extarticle set in Open Sans through fontspec, loading polski (XeLaTeX; Debian's
# fonts-open-sans and texlive-lang-polish); an "ATS" article whose backend variant inputs shared
# files by paths from the repository root (pdflatex, run from there). pdftotext of two of them.
mkdir -p "$tmp/alirezaarzehgar"
cp -R "$out/src/alirezaarzehgar/." "$tmp/alirezaarzehgar/"
(cd "$tmp/alirezaarzehgar" && pdflatex -interaction=nonstopmode resume.tex >/dev/null)
cp "$tmp/alirezaarzehgar/resume.pdf" "$out/alirezaarzehgar-resume.pdf"
mkdir -p "$tmp/pwittchen"
cp -R "$out/src/pwittchen/." "$tmp/pwittchen/"
(cd "$tmp/pwittchen" && xelatex -interaction=nonstopmode cv.tex >/dev/null)
cp "$tmp/pwittchen/cv.pdf" "$out/pwittchen-resume.pdf"
mkdir -p "$tmp/turahe"
cp -R "$out/src/turahe/." "$tmp/turahe/"
(cd "$tmp/turahe" && pdflatex -interaction=nonstopmode resumes/backend/ats.tex >/dev/null)
cp "$tmp/turahe/ats.pdf" "$out/turahe-resume.pdf"
for owner in alirezaarzehgar turahe; do
    pdftotext -enc UTF-8 "$out/$owner-resume.pdf" "$out/$owner-resume-from-pdf.txt"
done
# The batch added 2026-12-01T05:00 (see SOURCES.md): LaTeX resumes as committed, in
# resumes/src/<owner>/ (contacts replaced), and Word files of six Markdown pages of the batch.
# Theodore Pavlic's CV template (article, section titles in the margin), pdflatex, run twice for
# lastpage.
mkdir -p "$tmp/badosu"
cp -R "$out/src/badosu/." "$tmp/badosu/"
(cd "$tmp/badosu" && pdflatex -interaction=nonstopmode cv_en.tex >/dev/null \
    && pdflatex -interaction=nonstopmode cv_en.tex >/dev/null)
cp "$tmp/badosu/cv_en.pdf" "$out/badosu-resume.pdf"
# Dario Taraborelli's cvtex layout (XeLaTeX, years as margin notes). header.tex asks for Palatino,
# which Linux lacks: TeX Gyre Pagella (fonts-texgyre) stands in, in a copy; Inconsolata is
# Debian's fonts-inconsolata.
mkdir -p "$tmp/jhbabon"
cp -R "$out/src/jhbabon/." "$tmp/jhbabon/"
sed -i 's/{Palatino}/{TeX Gyre Pagella}/' "$tmp/jhbabon/header.tex" "$tmp/jhbabon/cv_en.tex"
(cd "$tmp/jhbabon" && xelatex -interaction=nonstopmode cv_en.tex >/dev/null)
cp "$tmp/jhbabon/cv_en.pdf" "$out/jhbabon-resume.pdf"
# The Friggeri CV class as committed beside the source (XeLaTeX; TeX Gyre Heros and Lato by file
# name, biblatex).
mkdir -p "$tmp/733amir"
cp -R "$out/src/733amir/." "$tmp/733amir/"
(cd "$tmp/733amir" && xelatex -interaction=nonstopmode cv.tex >/dev/null)
cp "$tmp/733amir/cv.pdf" "$out/733amir-resume.pdf"
# A custom class that loads Roboto from fonts/ beside it, a folder the store does not hold: the
# build puts TeX Live's Roboto there (texlive-fonts-extra). XeLaTeX.
mkdir -p "$tmp/accakyra/fonts"
cp -R "$out/src/accakyra/." "$tmp/accakyra/"
cp "$(kpsewhich -var-value TEXMFDIST)"/fonts/truetype/google/roboto/Roboto-*.ttf "$tmp/accakyra/fonts/"
(cd "$tmp/accakyra" && xelatex -interaction=nonstopmode cv.tex >/dev/null)
cp "$tmp/accakyra/cv.pdf" "$out/accakyra-resume.pdf"
# Deedy (openfont), XeLaTeX. The class loads Lato and Raleway from fonts/lato and fonts/raleway
# under the file names of Deedy's own copies, which the store does not hold: the build copies
# TeX Live's Lato and Raleway there under those names. The "Last Updated" line is the build date.
mkdir -p "$tmp/arpanmajumdar/fonts/lato" "$tmp/arpanmajumdar/fonts/raleway"
cp -R "$out/src/arpanmajumdar/." "$tmp/arpanmajumdar/"
texmf=$(kpsewhich -var-value TEXMFDIST)
for pair in Reg:Regular RegIta:Italic Bol:Bold LigIta:LightItalic Hai:Hairline Lig:Light; do
    cp "$texmf/fonts/truetype/typoland/lato/Lato-${pair#*:}.ttf" \
        "$tmp/arpanmajumdar/fonts/lato/Lato-${pair%%:*}.ttf"
done
for weight in Regular ExtraLight Medium; do
    cp "$texmf/fonts/opentype/impallari/raleway/Raleway-$weight.otf" "$tmp/arpanmajumdar/fonts/raleway/"
done
(cd "$tmp/arpanmajumdar" && xelatex -interaction=nonstopmode deedy_resume-openfont.tex >/dev/null)
cp "$tmp/arpanmajumdar/deedy_resume-openfont.pdf" "$out/arpanmajumdar-resume.pdf"
# moderncv classic with Brazilian babel (texlive-lang-portuguese). The source writes {\it ...},
# which TeX Live 2022's moderncv no longer defines: pdflatex reports each and goes on, setting
# the technology lists upright.
mkdir -p "$tmp/dodecaphonic"
cp -R "$out/src/dodecaphonic/." "$tmp/dodecaphonic/"
(cd "$tmp/dodecaphonic" && { pdflatex -interaction=nonstopmode cv_en.tex >/dev/null || test -f cv_en.pdf; })
cp "$tmp/dodecaphonic/cv_en.pdf" "$out/dodecaphonic-resume.pdf"
for owner in badosu jhbabon arpanmajumdar; do
    pdftotext -enc UTF-8 "$out/$owner-resume.pdf" "$out/$owner-resume-from-pdf.txt"
done
# Word files of six Markdown pages of the batch, read by pandoc's own Markdown reader (it keeps
# the raw HTML <p> and <span> role headers' text, which the gfm reader drops).
for name in longcao-resume maccettura-resume nitrodist-resume bahaazidan-resume viniciusban-resume \
        brianmehrman-resume; do
    pandoc -f markdown -t docx -o "$out/$name.docx" "$out/$name.md"
done
# More of the batch added 2026-12-01T05:00 (see SOURCES.md): two LaTeX resumes as committed, in
# resumes/src/<owner>/ (contacts replaced), with pdftotext of both, and Word files of four Markdown
# pages of the batch. Trey Hunner's resume.cls as committed beside the source (pdflatex).
mkdir -p "$tmp/vbalazs"
cp -R "$out/src/vbalazs/." "$tmp/vbalazs/"
(cd "$tmp/vbalazs" && pdflatex -interaction=nonstopmode cv-en.tex >/dev/null)
cp "$tmp/vbalazs/cv-en.pdf" "$out/vbalazs-resume.pdf"
# moderncv classic (burgundy) with a date macro that sets each month under its year; the \photo
# line is commented out, the picture being a binary the store does not hold (pdflatex).
mkdir -p "$tmp/agpopikov"
cp -R "$out/src/agpopikov/." "$tmp/agpopikov/"
(cd "$tmp/agpopikov" && pdflatex -interaction=nonstopmode cv-en.tex >/dev/null)
cp "$tmp/agpopikov/cv-en.pdf" "$out/agpopikov-resume.pdf"
for owner in vbalazs agpopikov; do
    pdftotext -enc UTF-8 "$out/$owner-resume.pdf" "$out/$owner-resume-from-pdf.txt"
done
for name in danmanstx-resume abdheshkumar-resume brobertsaz-resume sosolidkk-resume; do
    pandoc -f markdown -t docx -o "$out/$name.docx" "$out/$name.md"
done
# The batch added 2026-12-01T09:00 (B) (see SOURCES.md): LaTeX resumes as committed, in
# resumes/src/<owner>/ (contacts replaced), pdftotext of four of them, Word files of Markdown and
# reStructuredText resumes already in the corpus, and two PDFs LibreOffice makes of Word files.
# Jake's template (two authors' copies), pdflatex.
for spec in xk0ch:resume_en asteinheiser:resume; do
    owner=${spec%%:*}
    name=${spec#*:}
    mkdir -p "$tmp/$owner"
    cp -R "$out/src/$owner/." "$tmp/$owner/"
    (cd "$tmp/$owner" && pdflatex -interaction=nonstopmode "$name.tex" >/dev/null)
    cp "$tmp/$owner/$name.pdf" "$out/$owner-resume.pdf"
done
# moderncv classic with the pre-2.0 \moderncvtheme, \firstname and \familyname, which TeX Live
# 2022's moderncv still accepts (pdflatex).
mkdir -p "$tmp/jmcomets"
cp -R "$out/src/jmcomets/." "$tmp/jmcomets/"
(cd "$tmp/jmcomets" && pdflatex -interaction=nonstopmode cv-en.tex >/dev/null)
cp "$tmp/jmcomets/cv-en.pdf" "$out/jmcomets-resume.pdf"
# moderncv classic with Lato and French babel (texlive-lang-french). The source colours the first
# name \color{darkgrey}, which TeX Live 2022's moderncv no longer defines: pdflatex reports it and
# goes on, setting the name in black.
mkdir -p "$tmp/thbt"
cp -R "$out/src/thbt/." "$tmp/thbt/"
(cd "$tmp/thbt" && { pdflatex -interaction=nonstopmode resume_en.tex >/dev/null || test -f resume_en.pdf; })
cp "$tmp/thbt/resume_en.pdf" "$out/thbt-resume.pdf"
# The europecv class (texlive-latex-extra). The source places the author's photo.jpg, a binary the
# store does not hold, at the top right and then moves up 7.6cm over it: the build's copy puts an
# empty box of the photo's height there instead, so the page keeps its layout without a picture.
mkdir -p "$tmp/tkrizek"
cp -R "$out/src/tkrizek/." "$tmp/tkrizek/"
sed -i 's|\\includegraphics\[height=7cm\]{photo.jpg}|\\rule{0pt}{7cm}|' "$tmp/tkrizek/resume_en.tex"
(cd "$tmp/tkrizek" && pdflatex -interaction=nonstopmode resume_en.tex >/dev/null)
cp "$tmp/tkrizek/resume_en.pdf" "$out/tkrizek-resume.pdf"
for owner in xk0ch tkrizek jmcomets thbt; do
    pdftotext -enc UTF-8 "$out/$owner-resume.pdf" "$out/$owner-resume-from-pdf.txt"
done
# Word files of Markdown pages (read as GitHub reads them, front matter as metadata) and
# reStructuredText resumes of earlier batches that had none.
for name in linux-root-resume quantonganh-resume cassiomolin-cv jaitl-cv; do
    pandoc -f gfm+yaml_metadata_block -t docx -o "$out/$name.docx" "$out/$name.md"
done
for name in nmacinnis-resume mixman-cv 1oglop1-cv; do
    pandoc -f rst -t docx -o "$out/$name.docx" "$out/$name.rst"
done
# PDFs LibreOffice Writer makes of two of those Word files (Debian's libreoffice-writer-nogui,
# run headless with a throwaway profile).
for name in linux-root-resume mixman-cv; do
    libreoffice -env:UserInstallation="file://$tmp/lo-profile" --headless --convert-to pdf \
        --outdir "$tmp/lo" "$out/$name.docx" >/dev/null 2>&1
    cp "$tmp/lo/$name.pdf" "$out/$name.pdf"
done
