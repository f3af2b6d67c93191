"""The report to take to a physiotherapist: a period of sessions and pain on one page.

- `period`: the days a report covers;
- `model`: what is on it, in a clinician's order; `build`: filling it from the
  history (`build_report`), every figure from the domain's own statistics;
- `doses`: each step's dose over the period, the ladder steps taken and why;
- `words`: the report's sentences and table rows, which both formats lay out;
- `chart`, `html`, `markdown`: the report as inline SVG charts, one self-contained
  HTML page that prints on one or two pages, and Markdown.

Nothing here reads a file or a clock: storage gathers the history and writes the page
(`backtimer.storage.reports`).
"""
