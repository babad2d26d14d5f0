"""The Java Windower's plan (scoring/.../window/Windower.java), for the Python samplers and fixtures."""


def plan_windows(n, context):
    """The Java Windower's plan for an input of n ids (BOS included): [(start, end, first_scored)]."""
    if n < 2:
        return []
    overlap = context - context // 2
    end = min(context, n)
    windows = [(0, end, 1)]
    while end < n:
        start = min(end - overlap, n - context)
        windows.append((start, start + context, end))
        end = start + context
    return windows
