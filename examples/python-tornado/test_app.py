import json

from tornado.testing import AsyncHTTPTestCase

from app import make_app


class AppTest(AsyncHTTPTestCase):
    def get_app(self):
        return make_app()

    def test_index_greets(self):
        response = self.fetch("/")
        self.assertEqual(response.code, 200)
        body = json.loads(response.body)
        self.assertEqual(body, {"message": "Hello, world"})

    def test_health_reports_ok(self):
        response = self.fetch("/health")
        self.assertEqual(response.code, 200)
        self.assertEqual(json.loads(response.body), {"status": "ok"})

    def test_unknown_path_is_not_found(self):
        self.assertEqual(self.fetch("/nope").code, 404)
