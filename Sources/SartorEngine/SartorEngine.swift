// Module SartorEngine.
