"""`ruby-sparks splits export --format lss`: a category's records as a LiveSplit splits file (`.lss`), so a runner
keeps LiveSplit's timer, layouts and comparisons for this game.

The file follows LiveSplit's own (`<Run version="1.7.0">`): the game and category names, the attempt count and
history, and one `Segment` per split with the personal best's time there (`SplitTime name="Personal Best"`), the best
segment ever (gold) and each kept attempt's time for the segment. Times are written as real time and as game time
alike: the game has one clock, the one `--livesplit` sets LiveSplit's game time from.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET

from game.speedrun.records import Attempt, Records
from game.speedrun.splits import planned, planned_title
from game.story.model import Category, Story

LSS_VERSION = "1.7.0"
PERSONAL_BEST = "Personal Best"


def lss_time(ms: int) -> str:
    """A .NET TimeSpan as LiveSplit writes one: 00:01:02.3450000."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    return f"{hours:02d}:{minutes:02d}:{rest // 1000:02d}.{rest % 1000:03d}0000"


def lss_date(stamp: str) -> str | None:
    """An attempt's start (ISO 8601, UTC) as LiveSplit writes dates (MM/dd/yyyy HH:mm:ss, UTC); None if unreadable."""
    try:
        return time.strftime("%m/%d/%Y %H:%M:%S", time.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ"))
    except ValueError:
        return None


def lss_document(story: Story, category: Category, records: Records) -> str:
    run = ET.Element("Run", version=LSS_VERSION)
    ET.SubElement(run, "GameIcon")
    ET.SubElement(run, "GameName").text = story.title
    ET.SubElement(run, "CategoryName").text = category.name
    ET.SubElement(run, "LayoutPath")
    metadata = ET.SubElement(run, "Metadata")
    ET.SubElement(metadata, "Run", id="")
    ET.SubElement(metadata, "Platform", usesEmulator="False")
    ET.SubElement(metadata, "Region")
    ET.SubElement(metadata, "Variables")
    ET.SubElement(metadata, "CustomVariables")
    ET.SubElement(run, "Offset").text = "00:00:00"
    ET.SubElement(run, "AttemptCount").text = str(records.attempts)
    first_id = records.attempts - len(records.history) + 1
    history = ET.SubElement(run, "AttemptHistory")
    for number, attempt in enumerate(records.history, first_id):
        _attempt(history, number, attempt)
    segments = ET.SubElement(run, "Segments")
    for name in planned(story, category, records):
        segment = ET.SubElement(segments, "Segment")
        ET.SubElement(segment, "Name").text = planned_title(story, category, name)
        ET.SubElement(segment, "Icon")
        split_times = ET.SubElement(segment, "SplitTimes")
        _times(ET.SubElement(split_times, "SplitTime", name=PERSONAL_BEST), records.best_splits.get(name))
        _times(ET.SubElement(segment, "BestSegmentTime"), records.gold.get(name))
        segment_history = ET.SubElement(segment, "SegmentHistory")
        for number, attempt in enumerate(records.history, first_id):
            took = _segment(attempt, name)
            if took is not None:
                _times(ET.SubElement(segment_history, "Time", id=str(number)), took)
    ET.SubElement(run, "AutoSplitterSettings")
    ET.indent(run, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(run, encoding="unicode") + "\n"


def _times(element: ET.Element, ms: int | None) -> None:
    if ms is not None:
        ET.SubElement(element, "RealTime").text = lss_time(ms)
        ET.SubElement(element, "GameTime").text = lss_time(ms)


def _attempt(history: ET.Element, number: int, attempt: Attempt) -> None:
    """A finished attempt has its time; one abandoned has none, which LiveSplit reads as a reset, and so does one
    that broke the speed-run rules: its finish is not counted."""
    started = lss_date(attempt.started)
    element = ET.SubElement(history, "Attempt", id=str(number))
    if started is not None:
        element.set("started", started)
        element.set("isStartedSynced", "False")
    _times(element, attempt.time if attempt.broken is None else None)


def _segment(attempt: Attempt, name: str) -> int | None:
    previous = 0
    for split in attempt.splits:
        if split.name == name:
            return split.t - previous
        previous = split.t
    return None
