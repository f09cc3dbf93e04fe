"""Page-number pagination of the API; a malformed page is a 400 naming its field."""

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        # A malformed page number is a client error naming its field (400), not a 404.
        for name in (self.page_query_param, self.page_size_query_param):
            value = request.query_params.get(name)
            if value is not None and not (value.isascii() and value.isdigit() and int(value) > 0):
                raise ValidationError({name: ["A positive whole number."]})
        return super().paginate_queryset(queryset, request, view)
