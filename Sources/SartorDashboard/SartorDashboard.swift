// Module SartorDashboard.
