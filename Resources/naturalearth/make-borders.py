#!/usr/bin/env python3
"""Makes Resources/borders.txt, the country outlines the map pane draws.

Source: Natural Earth 1:110m Admin 0 countries (public domain), as the geopandas 0.14.4
wheel on PyPI ships it (geopandas/datasets/naturalearth_lowres). Read with pyshp.

    python3 -m pip download --no-deps geopandas==0.14.4 -d /tmp/ne
    python3 -m pip install pyshp
    python3 Resources/naturalearth/make-borders.py /tmp/ne/geopandas-0.14.4-py3-none-any.whl

Output, one ring per line: `NAME|lon,lat lon,lat ...`, degrees to two decimals (about 1 km,
finer than the 1:110m data), consecutive duplicate points dropped. Rings of one country
share its name; holes are rings too (they are drawn as outlines).
"""
import io
import os
import sys
import zipfile

import shapefile

PREFIX = "geopandas/datasets/naturalearth_lowres/naturalearth_lowres."


def main(wheel):
    with zipfile.ZipFile(wheel) as archive:
        parts = {ext: io.BytesIO(archive.read(PREFIX + ext)) for ext in ("shp", "shx", "dbf")}
    # The .dbf is Latin-1 (Côte d'Ivoire).
    reader = shapefile.Reader(
        shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="latin-1")
    fields = [field[0] for field in reader.fields[1:]]
    lines = []
    for record, shape in zip(reader.records(), reader.shapes()):
        name = str(dict(zip(fields, record))["name"]).replace("|", "/")
        starts = list(shape.parts) + [len(shape.points)]
        for begin, end in zip(starts, starts[1:]):
            points = []
            for lon, lat in shape.points[begin:end]:
                point = f"{lon:.2f},{lat:.2f}"
                if not points or points[-1] != point:
                    points.append(point)
            if len(points) >= 2:
                lines.append(name + "|" + " ".join(points))
    lines.sort()
    out = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "borders.txt")
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"wrote {out}: {len(lines)} rings")


if __name__ == "__main__":
    main(sys.argv[1])
