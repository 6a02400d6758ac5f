// Module SartorReports.
