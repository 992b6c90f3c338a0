"""The party organisation of a commune: the Đảng ủy and its terms, the chi bộ, the members
and their dated events, admissions, yearly quality ratings, Huy hiệu Đảng, and the figures the
report, the article and the province read."""
