// Module SartorHTTP.
