"""template.yaml says what the issue asks, and agrees with the code and the Makefile it deploys."""

from __future__ import annotations

import re
from typing import Any

import pytest

from skill.config import LOG_LEVELS, load_config
from skill.persistence.dynamodb import PARTITION_KEY_NAME
from tests.aws.envelopes import SKILL_ID
from tests.aws.template import REPO, load_template, resource

ALEXA_TIMEOUT_S = 8


@pytest.fixture(scope="module")
def template() -> dict[str, Any]:
    return load_template()


@pytest.fixture(scope="module")
def function(template: dict[str, Any]) -> dict[str, Any]:
    logical_id, body = resource(template, "AWS::Serverless::Function")
    assert logical_id == "SkillFunction"
    return body


def makefile_variable(name: str) -> str:
    match = re.search(rf"^{name}\s*:=\s*(.+)$", (REPO / "Makefile").read_text(), re.MULTILINE)
    assert match, f"Makefile defines no {name}"
    return match.group(1).strip()


def test_function_runs_python_312_or_newer_matching_the_makefile(
    function: dict[str, Any],
) -> None:
    runtime = function["Properties"]["Runtime"]
    major, minor = (int(part) for part in runtime.removeprefix("python").split("."))
    assert (major, minor) >= (3, 12)
    assert runtime == f"python{makefile_variable('LAMBDA_PYTHON_VERSION')}"


def test_function_is_built_by_the_makefile_target(function: dict[str, Any]) -> None:
    assert function["Metadata"]["BuildMethod"] == "makefile"
    assert re.search(r"^build-SkillFunction:", (REPO / "Makefile").read_text(), re.MULTILINE)
    assert function["Properties"]["Handler"] == "lambda_function.lambda_handler"


def test_memory_and_timeout_fit_alexa(function: dict[str, Any]) -> None:
    props = function["Properties"]
    assert 256 <= props["MemorySize"] <= 2048
    assert 3 <= props["Timeout"] < ALEXA_TIMEOUT_S


def test_only_our_skill_may_invoke_the_function(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    events = function["Properties"]["Events"]
    assert [event["Type"] for event in events.values()] == ["AlexaSkill"]
    (alexa,) = events.values()
    assert alexa["Properties"]["SkillId"] == {"Ref": "SkillId"}
    pattern = template["Parameters"]["SkillId"]["AllowedPattern"]
    assert re.fullmatch(pattern, SKILL_ID)
    assert not re.fullmatch(pattern, "amzn1.ask.skill.not-a-uuid")
    assert "Default" not in template["Parameters"]["SkillId"]


#: ApplicationLogLevel values Lambda accepts (LoggingConfig).
LAMBDA_LOG_LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"}


def test_environment_names_are_the_ones_skill_config_reads(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    table_id, _ = resource(template, "AWS::DynamoDB::Table")
    variables = function["Properties"]["Environment"]["Variables"]
    assert variables == {
        "TABLE_NAME": {"Ref": table_id},
        "SKILL_ID": {"Ref": "SkillId"},
        "LOG_LEVEL": {"Fn::FindInMap": ["PythonLogLevel", {"Ref": "LogLevel"}, "Name"]},
    }
    cfg = load_config({"TABLE_NAME": "progress", "SKILL_ID": SKILL_ID, "LOG_LEVEL": "warning"})
    assert (cfg.table_name, cfg.skill_id, cfg.log_level) == ("progress", SKILL_ID, "WARNING")


def test_one_log_level_parameter_sets_lambda_and_python_alike(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    """Lambda names levels WARN, Python WARNING: the mapping keeps both sides valid."""
    allowed = template["Parameters"]["LogLevel"]["AllowedValues"]
    assert set(allowed) <= LAMBDA_LOG_LEVELS
    assert template["Parameters"]["LogLevel"]["Default"] in allowed
    mapping = template["Mappings"]["PythonLogLevel"]
    assert sorted(mapping) == sorted(allowed)
    for lambda_level, python in mapping.items():
        assert python["Name"] in LOG_LEVELS
        assert load_config({"LOG_LEVEL": python["Name"]}).log_level == python["Name"]
        assert lambda_level[:4] == python["Name"][:4]  # WARN ~ WARNING, the rest identical


def test_logs_are_lambdas_native_json_at_the_parameter_level(function: dict[str, Any]) -> None:
    logging = function["Properties"]["LoggingConfig"]
    assert logging["LogFormat"] == "JSON"
    assert logging["ApplicationLogLevel"] == {"Ref": "LogLevel"}
    assert logging["SystemLogLevel"] in LAMBDA_LOG_LEVELS


@pytest.mark.parametrize(("alarm_id", "metric"), [
    ("SkillFunctionErrorsAlarm", "Errors"),
    ("SkillFunctionThrottlesAlarm", "Throttles"),
])
def test_alarms_watch_the_function_and_notify_the_optional_topic(
    template: dict[str, Any], alarm_id: str, metric: str
) -> None:
    alarm = template["Resources"][alarm_id]
    assert alarm["Type"] == "AWS::CloudWatch::Alarm"
    props = alarm["Properties"]
    assert (props["Namespace"], props["MetricName"]) == ("AWS/Lambda", metric)
    assert props["Dimensions"] == [{"Name": "FunctionName", "Value": {"Ref": "SkillFunction"}}]
    assert props["Statistic"] == "Sum" and props["Threshold"] == 1
    assert props["ComparisonOperator"] == "GreaterThanOrEqualToThreshold"
    assert props["TreatMissingData"] == "notBreaching"  # no traffic is not an outage
    notify = {"Fn::If": ["NotifyTopic", [{"Ref": "AlarmTopicArn"}], {"Ref": "AWS::NoValue"}]}
    assert props["AlarmActions"] == props["OKActions"] == notify
    assert template["Outputs"][f"{alarm_id}Name"]["Value"] == {"Ref": alarm_id}


def test_the_alarm_topic_is_optional_and_must_look_like_an_sns_arn(
    template: dict[str, Any],
) -> None:
    parameter = template["Parameters"]["AlarmTopicArn"]
    assert parameter["Default"] == ""
    pattern = parameter["AllowedPattern"]
    assert re.fullmatch(pattern, "")
    assert re.fullmatch(pattern, "arn:aws:sns:us-east-1:123456789012:serum-run-alarms")
    assert not re.fullmatch(pattern, "arn:aws:sqs:us-east-1:123456789012:queue")
    assert not re.fullmatch(pattern, "serum-run-alarms")
    assert template["Conditions"]["NotifyTopic"] == {
        "Fn::Not": [{"Fn::Equals": [{"Ref": "AlarmTopicArn"}, ""]}]
    }


def test_progress_table_is_on_demand_recoverable_encrypted_and_kept(
    template: dict[str, Any],
) -> None:
    _, table = resource(template, "AWS::DynamoDB::Table")
    props = table["Properties"]
    assert props["BillingMode"] == "PAY_PER_REQUEST"
    assert props["PointInTimeRecoverySpecification"] == {"PointInTimeRecoveryEnabled": True}
    assert props["SSESpecification"] == {"SSEEnabled": True}
    assert table["DeletionPolicy"] == table["UpdateReplacePolicy"] == "Retain"
    assert props["KeySchema"] == [{"AttributeName": PARTITION_KEY_NAME, "KeyType": "HASH"}]
    assert props["AttributeDefinitions"] == [
        {"AttributeName": PARTITION_KEY_NAME, "AttributeType": "S"}
    ]
    assert "TableName" not in props  # a generated name lets several stacks share an account


def test_role_reaches_the_table_and_its_own_logs_and_nothing_else(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    table_id, _ = resource(template, "AWS::DynamoDB::Table")
    log_group_id, _ = resource(template, "AWS::Logs::LogGroup")
    role_id, role = resource(template, "AWS::IAM::Role")
    assert function["Properties"]["Role"] == {"Fn::GetAtt": [role_id, "Arn"]}
    assert "Policies" not in function["Properties"]  # SAM would add a second, broader policy
    assert "ManagedPolicyArns" not in role["Properties"]

    grants: list[tuple[str, Any]] = []
    for policy in role["Properties"]["Policies"]:
        for statement in policy["PolicyDocument"]["Statement"]:
            assert statement["Effect"] == "Allow"
            grants += [(action, statement["Resource"]) for action in statement["Action"]]
    assert sorted(grants, key=lambda grant: grant[0]) == [
        ("dynamodb:DeleteItem", {"Fn::GetAtt": [table_id, "Arn"]}),
        ("dynamodb:GetItem", {"Fn::GetAtt": [table_id, "Arn"]}),
        ("dynamodb:PutItem", {"Fn::GetAtt": [table_id, "Arn"]}),
        ("logs:CreateLogStream", {"Fn::GetAtt": [log_group_id, "Arn"]}),
        ("logs:PutLogEvents", {"Fn::GetAtt": [log_group_id, "Arn"]}),
    ]
    principal = role["Properties"]["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]
    assert principal == {"Service": "lambda.amazonaws.com"}


def test_logs_go_to_a_log_group_with_retention(
    template: dict[str, Any], function: dict[str, Any]
) -> None:
    log_group_id, log_group = resource(template, "AWS::Logs::LogGroup")
    assert log_group["Properties"]["RetentionInDays"] == {"Ref": "LogRetentionInDays"}
    assert template["Parameters"]["LogRetentionInDays"]["Default"] in range(1, 366)
    assert function["Properties"]["LoggingConfig"]["LogGroup"] == {"Ref": log_group_id}


def test_outputs_give_the_function_arn_for_the_skill_manifest(template: dict[str, Any]) -> None:
    assert template["Outputs"]["SkillFunctionArn"]["Value"] == {
        "Fn::GetAtt": ["SkillFunction", "Arn"]
    }
