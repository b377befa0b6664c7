import check from '../../shell/checks/pip-requirements-file-misused.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
