from django.middleware.locale import LocaleMiddleware


class VietnameseFirstLocaleMiddleware(LocaleMiddleware):
    """Vietnamese unless the user picks English in the admin (the language cookie). The
    browser's Accept-Language is ignored: an office PC with an English Windows must still
    open the admin in Vietnamese."""

    def process_request(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        super().process_request(request)
