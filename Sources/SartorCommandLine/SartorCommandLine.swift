// Module SartorCommandLine.
