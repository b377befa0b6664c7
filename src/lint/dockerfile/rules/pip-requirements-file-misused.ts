import check from '../../shell/checks/pip-requirements-file-misused.js';
import { dockerfileShellRule } from '../shell-rule.js';

export default dockerfileShellRule(check);
