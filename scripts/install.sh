#!/usr/bin/env bash
# 安装运行所需的一切：项目自己的 Python 环境 .venv，以及 requirements.txt 里的包。
# Debian/Ubuntu 自带的 Python 不允许直接 pip install（PEP 668，externally-managed-environment），
# 所以包装进项目里的 .venv；建 .venv 需要 python3-venv，缺少时用 apt 装上（要管理员权限）。
# 之后 python3 build.py 会自己使用 .venv 里的包，不需要先“激活”。
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

venv_works() { [ -x .venv/bin/python ] && .venv/bin/python -m pip --version >/dev/null 2>&1; }

if ! venv_works; then
  rm -rf .venv
  if ! { command -v python3 >/dev/null && python3 -m venv .venv >/dev/null 2>&1 && venv_works; }; then
    rm -rf .venv
    echo "正在用 apt 安装 python3 和 python3-venv（需要管理员权限）……"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq --no-install-recommends python3 python3-venv >/dev/null
    python3 -m venv .venv
  fi
fi
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
echo "已安装到 .venv/。以后直接运行 python3 build.py（它会自动使用 .venv 里的包）。"
