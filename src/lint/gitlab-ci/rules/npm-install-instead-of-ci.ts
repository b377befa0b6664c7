import check from '../../shell/checks/npm-install-instead-of-ci.js';
import { gitlabCiShellRule } from '../shell-rule.js';

export default gitlabCiShellRule(check);
