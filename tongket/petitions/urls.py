from django.urls import path

from .views import citizens, forwarding, home, items, plans

app_name = "petitions"

urlpatterns = [
    path("", home.home, name="home"),
    path("danh-sach/", home.item_list, name="list"),
    path("thong-ke/", home.statistics, name="statistics"),
    path("cai-dat/", home.policy, name="policy"),
    # Plans, sessions, notices
    path("ke-hoach/", plans.plan_list, name="plans"),
    path("ke-hoach/them/", plans.plan_create, name="plan_create"),
    path("ke-hoach/<int:pk>/", plans.plan_detail, name="plan"),
    path("ke-hoach/<int:pk>/sua/", plans.plan_edit, name="plan_edit"),
    path("ke-hoach/<int:pk>/lay-so/", plans.plan_issue, name="plan_issue"),
    path("ke-hoach/<int:pk>/doan/", plans.delegation_add, name="delegation_add"),
    path(
        "ke-hoach/<int:pk>/doan/<int:member_pk>/bo/",
        plans.delegation_remove,
        name="delegation_remove",
    ),
    path("ke-hoach/<int:pk>/buoi/them/", plans.session_create, name="session_create"),
    path("ke-hoach/<int:pk>/thong-bao/", plans.plan_notice, name="plan_notice"),
    path("buoi/<int:pk>/", plans.session_detail, name="session"),
    path("buoi/<int:pk>/sua/", plans.session_edit, name="session_edit"),
    path("buoi/<int:pk>/ghi-nhan/", plans.session_record, name="session_record"),
    path("buoi/<int:pk>/kien-nghi/", plans.session_item_add, name="session_item_add"),
    path("buoi/<int:pk>/thong-bao/", plans.session_notice, name="session_notice"),
    path("thong-bao/<int:pk>/", plans.notice_detail, name="notice"),
    # One recommendation
    path("them/", items.item_create, name="item_create"),
    path("<int:pk>/", items.item_detail, name="item"),
    path("<int:pk>/phan-loai/", items.item_classify, name="item_classify"),
    path("<int:pk>/giao/", items.item_assign, name="item_assign"),
    path("<int:pk>/bat-dau/", items.item_start, name="item_start"),
    path("<int:pk>/giai-quyet/", items.item_resolve, name="item_resolve"),
    path("<int:pk>/gop/", items.item_merge, name="item_merge"),
    path("<int:pk>/dong/", items.item_close, name="item_close"),
    path("<int:pk>/cong-khai/", items.item_publish, name="item_publish"),
    path("<int:pk>/go-cong-khai/", items.item_unpublish, name="item_unpublish"),
    # Forwarding up and the province's side
    path("chuyen-len/", forwarding.forward, name="forward"),
    path("bao-cao/<int:pk>/", forwarding.report_detail, name="report"),
    path("tinh/", forwarding.forwarded, name="forwarded"),
    path("tinh/<int:pk>/", forwarding.forwarding_detail, name="forwarding"),
    path("tinh/<int:pk>/tiep-nhan/", forwarding.forwarding_receive, name="forwarding_receive"),
    path("tinh/<int:pk>/giao/", forwarding.forwarding_assign, name="forwarding_assign"),
    path("tinh/<int:pk>/tra-loi/", forwarding.forwarding_answer, name="forwarding_answer"),
    # Citizens' submissions
    path("cong-dan/", citizens.submissions, name="submissions"),
    path("cong-dan/<int:pk>/", citizens.submission_detail, name="submission"),
    path("cong-dan/<int:pk>/anh/", citizens.submission_photo, name="submission_photo"),
    path("cong-dan/<int:pk>/tiep-nhan/", citizens.submission_accept, name="submission_accept"),
    path("cong-dan/<int:pk>/tu-choi/", citizens.submission_reject, name="submission_reject"),
]
