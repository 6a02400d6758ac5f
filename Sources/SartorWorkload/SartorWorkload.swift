// Module SartorWorkload.
