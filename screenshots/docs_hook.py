"""A MkDocs hook (``hooks:`` in mkdocs.yml): the site shows the pictures of this folder.

The pictures live here, where ``screenshots/make.py`` writes them and the README shows
one; the site takes each as if it sat at ``docs/screenshots/``, so a page under
``docs/guide/`` names ``../screenshots/hold.svg``. One copy of each picture, no symlink
(a checkout without symlinks breaks one), nothing for make.py to write twice, and a
page that names a picture that is not here fails ``mkdocs build --strict``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

HERE = Path(__file__).resolve().parent
PICTURES = ("*.svg", "*.png")


def on_files(files: Files, config: Any) -> Files:
    for pattern in PICTURES:
        for picture in sorted(HERE.glob(pattern)):
            files.append(
                File(
                    f"{HERE.name}/{picture.name}",
                    src_dir=str(HERE.parent),
                    dest_dir=config["site_dir"],
                    use_directory_urls=config["use_directory_urls"],
                )
            )
    return files
