// Module SartorServer.
